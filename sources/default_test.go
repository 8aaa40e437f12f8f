package sources

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// defaultArticles gives, for every built-in source, the shape of one of its article URLs (written
// from public knowledge, like default.yaml): the source's follow patterns must take it.
var defaultArticles = map[string]string{
	"chu-bordeaux":                   "https://www.chu-bordeaux.fr/Espace-m%C3%A9dia/Actualit%C3%A9s/Coop%C3%A9ration-avec-l-h%C3%B4pital-Cho-Ray/",
	"hcl-lyon":                       "https://www.chu-lyon.fr/actualites/cooperation-hopital-national-de-pediatrie",
	"ap-hp":                          "https://www.aphp.fr/actualite/lap-hp-et-lhopital-bach-mai-renouvellent-leur-partenariat",
	"chu-nimes":                      "https://www.chu-nimes.fr/actualites/convention-de-cooperation-taiyuan.html",
	"chu-montpellier":                "https://www.chu-montpellier.fr/fr/actualites/partenariat-hopital-des-maladies-tropicales",
	"chu-clermont-ferrand":           "https://www.chu-clermontferrand.fr/actualites/cooperation-hopital-central-de-hue",
	"chu-rennes":                     "https://www.chu-rennes.fr/actualites/accueil-dune-delegation-vietnamienne",
	"hus-strasbourg":                 "https://www.chru-strasbourg.fr/actualite/ircad-formation-chirurgiens-vietnamiens/",
	"chu-lille":                      "https://www.chu-lille.fr/actualites/accord-avec-lhopital-cho-ray",
	"chu-toulouse":                   "https://www.chu-toulouse.fr/cooperation-internationale-vietnam",
	"chu-nantes":                     "https://www.chu-nantes.fr/actualites/mission-humanitaire-au-vietnam",
	"ap-hm":                          "https://fr.ap-hm.fr/actualites/partenariat-avec-hanoi",
	"bach-mai":                       "https://bachmai.gov.vn/tin-tuc-va-su-kien/ky-ket-hop-tac-voi-ap-hp",
	"cho-ray":                        "https://choray.vn/tin-tuc/hop-tac-quoc-te/chu-bordeaux-tai-ky-ket",
	"viet-duc":                       "https://benhvienvietduc.org/tin-tuc/hop-tac-voi-benh-vien-dai-hoc-strasbourg",
	"hue-central-hospital":           "https://bvtwhue.com.vn/tin-tuc/dao-tao-bac-si-tim-mach-campuchia.html",
	"vn-national-childrens-hospital": "https://benhviennhitrunguong.gov.vn/hop-tac-voi-benh-vien-lyon.html",
	"hmu":                            "https://hmu.edu.vn/news/tin-tuc/ky-ket-hop-tac-voi-dai-hoc-paris-12345.html",
	"vnu-ump":                        "https://ump.vnu.edu.vn/tin-tuc/ky-ket-thoa-thuan-hop-tac-voi-chu-clermont-ferrand.html",
	"ump-hcmc":                       "https://ump.edu.vn/tin-tuc/tin-tuc-su-kien/le-ky-ket-hop-tac-voi-dai-hoc-bordeaux",
	"moh-vietnam":                    "https://moh.gov.vn/tin-tong-hop/-/asset_publisher/k206Q9qkZOqn/content/hop-tac-y-te-viet-phap",
	"vnexpress-suc-khoe":             "https://vnexpress.net/benh-vien-bach-mai-hop-tac-voi-phap-4812345.html",
	"dantri-suc-khoe":                "https://dantri.com.vn/suc-khoe/benh-vien-cho-ray-hop-tac-voi-phap-20241112093015123.htm",
	"tuoitre-suc-khoe":               "https://tuoitre.vn/benh-vien-trung-uong-hue-dao-tao-bac-si-lao-20241112093015123.htm",
	"thanhnien-suc-khoe":             "https://thanhnien.vn/bac-si-phap-sang-viet-nam-phau-thuat-185241112093015123.htm",
	"nhandan-y-te":                   "https://nhandan.vn/hop-tac-y-te-viet-nam-phap-post843210.html",
	"suckhoedoisong-y-te":            "https://suckhoedoisong.vn/bo-y-te-ky-ket-hop-tac-voi-phap-169241112093015123.htm",
	"courrier-vn":                    "https://lecourrier.vn/cooperation-medicale-franco-vietnamienne/1234567.html",
	"vietnamplus-fr":                 "https://fr.vietnamplus.vn/cooperation-medicale-vietnam-france-post123456.vnp",
	"nhandan-fr":                     "https://fr.nhandan.vn/cooperation-medicale-vietnam-france-post123456.html",
	"vnexpress-intl":                 "https://e.vnexpress.net/news/life/trend/french-doctors-train-vietnamese-surgeons-4812345.html",
	"vietnam-news":                   "https://vietnamnews.vn/society/1678901/viet-nam-france-boost-health-cooperation.html",
	"tuoitre-news":                   "https://tuoitrenews.vn/vietnamese-hospital-signs-deal-with-french-partner-10324111209301512.htm",
	"vietnamplus-en":                 "https://en.vietnamplus.vn/vietnam-france-boost-health-cooperation-post123456.vnp",
}

func TestDefaultSources(t *testing.T) {
	cfg, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(cfg.Sources) < 25 {
		t.Errorf("Default has %d sources, want at least 25", len(cfg.Sources))
	}
	if !strings.Contains(cfg.UserAgent, "medcoop") || !strings.Contains(cfg.UserAgent, "https://") {
		t.Errorf("user agent %q names neither the project nor a contact URL", cfg.UserAgent)
	}
	byLang := map[string]int{}
	for i := range cfg.Sources {
		src := &cfg.Sources[i]
		byLang[src.Lang]++
		t.Run(src.Name, func(t *testing.T) {
			if src.Delay < 2*time.Second {
				t.Errorf("delay %s, want 2s or more", src.Delay)
			}
			if src.MaxDepth < 1 || src.MaxDepth > 2 {
				t.Errorf("max_depth %d, want 1 or 2", src.MaxDepth)
			}
			if len(src.Start) == 0 || len(src.Follow) == 0 {
				t.Fatalf("needs start pages and follow patterns (start %v, follow %v)", src.Start, src.Follow)
			}
			// Every pattern compiles and is anchored to one of the source's own hosts, so the
			// crawl never leaves the site (a bare host prefix would also match evil.fr.example).
			hosts := map[string]bool{}
			for _, p := range src.Follow {
				if _, err := regexp.Compile(p); err != nil {
					t.Errorf("follow %q does not compile: %v", p, err)
					continue
				}
				host, ok := defaultAnchoredHost(p)
				if !ok {
					t.Errorf("follow %q is not anchored as ^scheme://host/", p)
					continue
				}
				hosts[host] = true
			}
			var own []string
			own = append(own, src.Start...)
			own = append(own, src.Feeds...)
			own = append(own, src.Sitemaps...)
			for _, raw := range own {
				u, err := url.Parse(raw)
				if err != nil {
					t.Errorf("%s: %v", raw, err)
					continue
				}
				if !hosts[hostKey(u)] {
					t.Errorf("%s is not on a host the follow patterns name (%v)", raw, defaultHostList(hosts))
				}
			}
			for _, start := range src.Start {
				u, _ := url.Parse(start)
				home := hostKey(u) + "/"
				if src.Follows(home) {
					t.Errorf("follow patterns take the home page %s: too broad", home)
				}
			}
			example, ok := defaultArticles[src.Name]
			if !ok {
				t.Fatalf("no example article URL in defaultArticles")
			}
			canon, err := Canonicalize(example)
			if err != nil {
				t.Fatalf("example %s: %v", example, err)
			}
			if !src.Follows(canon) {
				t.Errorf("follow patterns %v do not take the example article %s", src.Follow, canon)
			}
		})
	}
	for _, lang := range []string{"fr", "vi", "en"} {
		if byLang[lang] < 3 {
			t.Errorf("%d sources in %s, want at least 3", byLang[lang], lang)
		}
	}
	for name := range defaultArticles {
		found := false
		for _, src := range cfg.Sources {
			found = found || src.Name == name
		}
		if !found {
			t.Errorf("defaultArticles names %s, which default.yaml does not have", name)
		}
	}
}

func TestDefaultIsFresh(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a.Sources[0].Start[0] = "https://changed.example/"
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if b.Sources[0].Start[0] == a.Sources[0].Start[0] {
		t.Error("a change to one Default config shows in the next")
	}
}

var defaultFollowAnchor = regexp.MustCompile(`^\^(https?)://((?:[a-z0-9-]|\\\.)+)/`)

// defaultAnchoredHost returns scheme://host when the pattern begins with ^, a scheme and a literal host
// (dots escaped) followed by a slash.
func defaultAnchoredHost(pattern string) (string, bool) {
	m := defaultFollowAnchor.FindStringSubmatch(pattern)
	if m == nil {
		return "", false
	}
	return m[1] + "://" + strings.ReplaceAll(m[2], `\.`, "."), true
}

func defaultHostList(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
