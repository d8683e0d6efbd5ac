package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// ids lists the IDs of units in order.
func ids(units []Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.ID
	}
	return out
}

func TestMatchControlsNearestWithinStratum(t *testing.T) {
	treated := []Unit{
		{ID: "t1", Covariates: []float64{10}, Stratum: "retail"},
		{ID: "t2", Covariates: []float64{10}, Stratum: "health"},
		{ID: "t3", Covariates: []float64{10}, Stratum: "mining"}, // no pool units there
	}
	pool := []Unit{
		{ID: "r-far", Covariates: []float64{30}, Stratum: "retail"},
		{ID: "r-near", Covariates: []float64{11}, Stratum: "retail"},
		{ID: "r-mid", Covariates: []float64{14}, Stratum: "retail"},
		{ID: "h-exact-but-other-stratum", Covariates: []float64{10}, Stratum: "retail2"},
		{ID: "h-b", Covariates: []float64{12}, Stratum: "health"},
		{ID: "h-a", Covariates: []float64{8}, Stratum: "health"}, // same distance as h-b
		{ID: "h-c", Covariates: []float64{20}, Stratum: "health"},
	}
	got := MatchControls(treated, pool, 2)
	want := map[string][]string{
		"t1": {"r-near", "r-mid"},
		"t2": {"h-a", "h-b"}, // tie at distance 2 broken by ID
	}
	if len(got) != len(want) {
		t.Fatalf("matched %d treated units, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if g := ids(got[id]); !slices.Equal(g, w) {
			t.Errorf("%s matched %v, want %v", id, g, w)
		}
		for _, c := range got[id] {
			if c.Stratum != treatedStratum(treated, id) {
				t.Errorf("%s matched %s from stratum %s", id, c.ID, c.Stratum)
			}
		}
	}
}

func treatedStratum(treated []Unit, id string) string {
	for _, u := range treated {
		if u.ID == id {
			return u.Stratum
		}
	}
	return ""
}

// Covariates are compared in standard deviations: a seat-count gap of 40
// (about 2 SD here) must weigh less than a usage-share gap of 0.8 (about
// 1.7 SD) plus a seat gap of 30 (1.4 SD), although raw distance says the
// opposite.
func TestMatchControlsStandardises(t *testing.T) {
	treated := []Unit{{ID: "t", Covariates: []float64{1000, 0.9}}}
	pool := []Unit{
		{ID: "same-usage", Covariates: []float64{1040, 0.9}},
		{ID: "close-seats", Covariates: []float64{1030, 0.1}},
	}
	got := ids(MatchControls(treated, pool, 1)["t"])
	if !slices.Equal(got, []string{"same-usage"}) {
		t.Errorf("matched %v, want [same-usage]", got)
	}
}

func TestMatchControlsSkipsUnusable(t *testing.T) {
	treated := []Unit{
		{ID: "a", Covariates: []float64{1, 2}},
		{ID: "bad", Covariates: []float64{math.NaN(), 2}},
	}
	pool := []Unit{
		{ID: "a", Covariates: []float64{1, 2}},             // itself
		{ID: "short", Covariates: []float64{1}},            // wrong length
		{ID: "nan", Covariates: []float64{1, math.Inf(1)}}, // not finite
		{ID: "ok", Covariates: []float64{5, 5}},
	}
	got := MatchControls(treated, pool, 3)
	if g := ids(got["a"]); !slices.Equal(g, []string{"ok"}) {
		t.Errorf("a matched %v, want [ok]", g)
	}
	if _, found := got["bad"]; found {
		t.Error("a treated unit with missing covariates must not be matched")
	}
	if len(MatchControls(treated, pool, 0)) != 0 {
		t.Error("k = 0 must match nothing")
	}
}

// The same input in any order gives the same matches.
func TestMatchControlsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	treated, pool := simulateUnits(rng, 20, 200, 0)
	first := MatchControls(treated, pool, 3)
	for range 5 {
		shuffled := slices.Clone(pool)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again := MatchControls(treated, shuffled, 3)
		for id, m := range first {
			if !slices.Equal(ids(m), ids(again[id])) {
				t.Fatalf("%s: %v then %v", id, ids(m), ids(again[id]))
			}
		}
	}
}

// Matching is with replacement: two trained accounts may share a control.
func TestMatchControlsWithReplacement(t *testing.T) {
	treated := []Unit{{ID: "t1", Covariates: []float64{1}}, {ID: "t2", Covariates: []float64{1.1}}}
	pool := []Unit{{ID: "only", Covariates: []float64{1.05}}, {ID: "far", Covariates: []float64{9}}}
	got := MatchControls(treated, pool, 1)
	if !slices.Equal(ids(got["t1"]), []string{"only"}) || !slices.Equal(ids(got["t2"]), []string{"only"}) {
		t.Errorf("both should use the nearest control: %v", got)
	}
}

func BenchmarkMatchControls(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	treated, pool := simulateUnits(rng, 200, 5000, 0)
	for b.Loop() {
		MatchControls(treated, pool, 3)
	}
}
