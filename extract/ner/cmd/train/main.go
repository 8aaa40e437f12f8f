// Command train trains the French named-entity model of package ner on
// WiNER-fr, writes it where the package embeds it, and measures it on the
// held-out documents (every tenth, see ner.HeldOut), which it never trains on.
//
//	go run ./extract/ner/cmd/train [-corpus FILE] [-out DIR] [-every N]
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/medcoop/medcoop/extract/ner"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/winer-fr/winer-fr.jsonl", "WiNER-fr winer-fr.jsonl")
	out := flag.String("out", "extract/ner/model", "directory that receives the model (as <out>/fr-winer)")
	every := flag.Int("every", 1, "train on one training document in every N, to bound time and model size")
	flag.Parse()
	if err := run(*corpus, *out, *every); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(corpus, out string, every int) error {
	if every < 1 {
		return fmt.Errorf("-every %d: want at least 1", every)
	}
	docs, err := ner.ReadWiNER(corpus)
	if err != nil {
		return err
	}
	var train, test []ner.Doc
	n := 0
	for i, d := range docs {
		if ner.HeldOut(i) {
			test = append(test, d)
			continue
		}
		if n%every == 0 {
			train = append(train, d)
		}
		n++
	}
	slog.Info("training", "documents", len(train), "held_out", len(test))
	began := time.Now()
	model, missed, err := ner.Train("fr-winer", train)
	if err != nil {
		return err
	}
	slog.Info("trained", "took", time.Since(began).Round(time.Second), "entities_not_on_token_edges", missed)
	dir := filepath.Join(out, "fr-winer")
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("clear %s: %w", dir, err)
	}
	if err := model.Write(dir); err != nil {
		return fmt.Errorf("write model %s: %w", dir, err)
	}
	r, err := ner.LoadDir(dir)
	if err != nil {
		return err
	}
	fmt.Printf("held-out: %d documents\n", len(test))
	fmt.Printf("%-5s %9s %9s %9s %6s %6s %6s\n", "LABEL", "PRECISION", "RECALL", "F1", "TP", "FP", "FN")
	counts := map[string]*ner.Counts{"PER": {}, "ORG": {}, "LOC": {}}
	var all ner.Counts
	began = time.Now()
	size := 0
	for _, d := range test {
		pred := r.Find(d.Text)
		size += len(d.Text)
		for label, c := range counts {
			c.Add(ner.Score(pred, d.Entities, label, true))
		}
		all.Add(ner.Score(pred, d.Entities, "", true))
	}
	took := time.Since(began)
	for _, label := range []string{"PER", "ORG", "LOC"} {
		c := counts[label]
		fmt.Printf("%-5s %9.3f %9.3f %9.3f %6d %6d %6d\n", label, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Printf("%-5s %9.3f %9.3f %9.3f %6d %6d %6d\n", "all", all.Precision(), all.Recall(), all.F1(), all.TP, all.FP, all.FN)
	fmt.Printf("time per 5 KB of text: %v\n", (took * 5000 / time.Duration(max(size, 1))).Round(time.Microsecond))
	return nil
}
