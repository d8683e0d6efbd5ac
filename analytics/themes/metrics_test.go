package themes

import (
	"math"
	"testing"
)

// nmi is the normalised mutual information of two labellings with
// arithmetic normalisation: 2·I(T;P) / (H(T) + H(P)).
func nmi(truth, pred []string) float64 {
	n := float64(len(truth))
	joint := map[[2]string]float64{}
	ct, cp := map[string]float64{}, map[string]float64{}
	for i := range truth {
		joint[[2]string{truth[i], pred[i]}]++
		ct[truth[i]]++
		cp[pred[i]]++
	}
	entropy := func(c map[string]float64) float64 {
		h := 0.0
		for _, x := range c {
			h -= x / n * math.Log(x/n)
		}
		return h
	}
	mi := 0.0
	for k, x := range joint {
		mi += x / n * math.Log(x*n/(ct[k[0]]*cp[k[1]]))
	}
	ht, hp := entropy(ct), entropy(cp)
	if ht+hp == 0 {
		return 1
	}
	return 2 * mi / (ht + hp)
}

// bestMatch is the predicted class with the highest F1 for one true class.
type bestMatch struct {
	pred                  string
	f1, precision, recall float64
}

func bestMatches(truth, pred []string) map[string]bestMatch {
	joint := map[[2]string]float64{}
	ct, cp := map[string]float64{}, map[string]float64{}
	for i := range truth {
		joint[[2]string{truth[i], pred[i]}]++
		ct[truth[i]]++
		cp[pred[i]]++
	}
	out := map[string]bestMatch{}
	for k, x := range joint {
		p, r := x/cp[k[1]], x/ct[k[0]]
		f := 2 * p * r / (p + r)
		if b, ok := out[k[0]]; !ok || f > b.f1 || f == b.f1 && k[1] < b.pred {
			out[k[0]] = bestMatch{k[1], f, p, r}
		}
	}
	return out
}

func TestMetrics(t *testing.T) {
	same := nmi([]string{"a", "a", "b", "b"}, []string{"x", "x", "y", "y"})
	indep := nmi([]string{"a", "a", "b", "b"}, []string{"x", "y", "x", "y"})
	if math.Abs(same-1) > 1e-9 || math.Abs(indep) > 1e-9 {
		t.Fatalf("nmi: identical partitions %v, independent %v", same, indep)
	}
	m := bestMatches([]string{"a", "a", "a", "b"}, []string{"x", "x", "y", "y"})
	if m["a"].pred != "x" || math.Abs(m["a"].f1-0.8) > 1e-9 {
		t.Fatalf("best match for a: %+v", m["a"])
	}
}
