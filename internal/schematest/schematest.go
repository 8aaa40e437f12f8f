// Package schematest validates real output against the contract's JSON
// Schemas in ../shared/contract, for the tests of every package that
// prints a document or an event.
package schematest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// ContractDir is where the contract stands beside the repository.
func ContractDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "contract")
}

// SharedDir is ../shared beside the repository.
func SharedDir() string { return filepath.Dir(ContractDir()) }

// Schema compiles one of the contract's schemas ("document.schema.json" or
// "event.schema.json"); the test is skipped, saying why, when ../shared is
// absent.
func Schema(t testing.TB, name string) *jsonschema.Schema {
	t.Helper()
	dir := ContractDir()
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		t.Skipf("the contract is not beside the repository (%s): %v", dir, err)
	}
	c := jsonschema.NewCompiler()
	for _, f := range []string{"document.schema.json", "event.schema.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource(f, doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

// Validate checks the JSON in data against the schema; a failure names
// what is wrong.
func Validate(t testing.TB, s *jsonschema.Schema, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, data)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("output does not follow %s: %#v\n%s", s.Location, err, data)
	}
}
