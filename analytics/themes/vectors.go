package themes

import (
	"math"
	"slices"
)

// Feature weighting.
const (
	subjectWeight = 2.0    // a subject word counts as two body words
	minDocShare   = 0.0005 // features in fewer documents are noise
	maxDocShare   = 0.30   // features in more say nothing about a theme
	minDocCount   = 2
	// contextWeight scales context: product names and generic objects
	// (files, e-mails, users). The action and the specific object make a
	// theme; "restore a deleted file" and "sync files" are both about
	// OneDrive files.
	contextWeight = 0.5
)

// contextConcepts are the generic objects of help-desk questions.
var contextConcepts = map[string]bool{
	"FILE": true, "FOLDER": true, "DOCUMENT": true, "EMAIL": true, "MESSAGE": true, "USER": true, "ACCOUNT": true,
	"APP": true, "COMPUTER": true, "MEMBER": true, "COMPANY": true, "SETTINGS": true, "BUTTON": true, "MENU": true,
	"BROWSER": true, "TEAM": true,
}

// docs holds sparse, L2-normalised document vectors in one arena: document
// i has features idx[off[i]:off[i+1]] (ascending) with weights val[…].
type docs struct {
	off []int
	idx []int32
	val []float32
}

func newDocs(n int) *docs {
	return &docs{off: make([]int, 1, n+1)}
}

func (d *docs) len() int { return len(d.off) - 1 }

func (d *docs) doc(i int) ([]int32, []float32) {
	return d.idx[d.off[i]:d.off[i+1]], d.val[d.off[i]:d.off[i+1]]
}

func (d *docs) add(v sparse) {
	d.idx = append(d.idx, v.idx...)
	d.val = append(d.val, v.val...)
	d.off = append(d.off, len(d.idx))
}

// sparse is one vector; its slices may be reused by the vectoriser.
type sparse struct {
	idx []int32
	val []float32
}

// bigramKey identifies an unordered pair of terms; the pair is unordered
// because French and German put the words of "share screen" in other
// orders.
func bigramKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// vectoriser turns a ticket's term ids into a TF-IDF vector over a
// model's features. One per goroutine.
type vectoriser struct {
	ix     *modelIndex
	idf    []float32
	counts map[int32]float32
	out    sparse
}

func newVectoriser(ix *modelIndex, idf []float32) *vectoriser {
	return &vectoriser{ix: ix, idf: idf, counts: map[int32]float32{}}
}

// vector weighs the features of terms (-1 = unknown term, -2 = segment
// end; terms[:nSubject] come from the subject). The result is reused by
// the next call.
func (v *vectoriser) vector(terms []int32, nSubject int) sparse {
	clear(v.counts)
	prev := int32(-1)
	for i, t := range terms {
		w := float32(1)
		if i < nSubject {
			w = subjectWeight
		}
		if t >= 0 {
			if f := v.ix.uni[t]; f >= 0 {
				v.counts[f] += w
			}
			if prev >= 0 && prev != t {
				if f, ok := v.ix.bi[bigramKey(prev, t)]; ok {
					v.counts[f] += w
				}
			}
		}
		prev = t
	}
	return v.weigh()
}

// weigh applies sublinear tf times idf and normalises.
func (v *vectoriser) weigh() sparse {
	v.out.idx, v.out.val = v.out.idx[:0], v.out.val[:0]
	for f := range v.counts {
		v.out.idx = append(v.out.idx, f)
	}
	slices.Sort(v.out.idx)
	var norm float64
	for _, f := range v.out.idx {
		x := (1 + float32(math.Log(float64(v.counts[f])))) * v.idf[f]
		v.out.val = append(v.out.val, x)
		norm += float64(x) * float64(x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.out.val {
			v.out.val[i] *= inv
		}
	}
	return v.out
}

// dot is the inner product of a sparse vector and a dense one.
func dot(idx []int32, val []float32, dense []float32) float32 {
	var s float32
	for i, f := range idx {
		s += val[i] * dense[f]
	}
	return s
}
