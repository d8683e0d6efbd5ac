package courses

import (
	"bytes"
	"testing"
)

func TestDefaultCatalogueIsValid(t *testing.T) {
	// Parse directly so a broken file fails with its problems, not a panic.
	cs, err := Parse(bytes.NewReader(defaultCatalogue), DefaultFile)
	if err != nil {
		t.Fatalf("default catalogue: %v", err)
	}
	if got := Default(); len(got) != len(cs) {
		t.Fatalf("Default() returned %d courses, Parse %d", len(got), len(cs))
	}
	type key struct{ workload, lang string }
	have := map[key]int{}
	for _, c := range cs {
		have[key{c.Workload, c.Language}]++
		if c.Price <= 0 || c.Currency != "EUR" || c.Format == "" || c.Description == "" {
			t.Errorf("course %s lacks a price in EUR, a format or a description: %+v", c.ID, c)
		}
	}
	for _, w := range Workloads() {
		for _, lang := range []string{"en", "fr"} {
			if have[key{w, lang}] == 0 {
				t.Errorf("no %s course in %s", w, lang)
			}
		}
	}
}

// TestDefaultCatalogueServesLowAdoption checks that every workload has a
// beginner "getting started" course in English and French, which low
// adoption needs are matched to.
func TestDefaultCatalogueServesLowAdoption(t *testing.T) {
	cs := Default()
	for _, w := range Workloads() {
		for _, lang := range []string{"en", "fr"} {
			recs := Recommend(cs, []Need{{AccountID: "a", Workload: w, Language: lang, Kind: KindLowAdoption, ActivatableSeats: 10}}, Options{})
			if len(recs) != 1 {
				t.Errorf("%s/%s: no course for low adoption", w, lang)
				continue
			}
			if c := recs[0].Course; c.Level != "beginner" || c.Language != lang || c.Workload != w || recs[0].Score != 1 {
				t.Errorf("%s/%s: low adoption got %s (%s, %s, score %.2f), want a beginner getting-started course",
					w, lang, c.ID, c.Level, c.Language, recs[0].Score)
			}
		}
	}
}

func TestDefaultReturnsACopy(t *testing.T) {
	a := Default()
	a[0].Title = "changed"
	a[0].Topics[0] = "changed"
	if b := Default(); b[0].Title == "changed" || b[0].Topics[0] == "changed" {
		t.Error("changing one Default() result changed the next")
	}
}
