package themes

import (
	"math"
	"math/rand/v2"
)

// Spherical k-means: documents and centroids are unit vectors and
// similarity is their inner product. Assignment runs in parallel, one
// document at a time; sums are formed sequentially in document order, so
// results do not depend on the number of workers.
const (
	kmeansMaxIter = 30
	kmeansChunk   = 512
)

type kmeans struct {
	d       *docs
	dim     int
	workers int
	cent    [][]float32 // k unit centroids, dense
	centT   []float32   // the same, transposed: dim × k, for assignment
	label   []int32     // nearest centroid per document, -1 for an empty one
	sim     []float32   // similarity to it
	scores  [][]float32 // per-worker buffers
}

func newKmeans(d *docs, dim, workers int) *kmeans {
	n := d.len()
	return &kmeans{d: d, dim: dim, workers: workers, label: make([]int32, n), sim: make([]float32, n)}
}

func (km *kmeans) k() int { return len(km.cent) }

// setCentroids installs centroids and their transposed copy.
func (km *kmeans) setCentroids(cent [][]float32) {
	km.cent = cent
	k := len(cent)
	km.centT = make([]float32, km.dim*k)
	for c, row := range cent {
		for f, x := range row {
			if x != 0 {
				km.centT[f*k+c] = x
			}
		}
	}
	km.scores = make([][]float32, km.workers)
	for w := range km.scores {
		km.scores[w] = make([]float32, k)
	}
}

// assign finds every document's nearest centroid and reports how many
// changed.
func (km *kmeans) assign() int {
	k := km.k()
	changes := make([]int, km.d.len()/kmeansChunk+1)
	forChunks(km.d.len(), km.workers, kmeansChunk, func(w, lo, hi int) {
		scores := km.scores[w]
		for i := lo; i < hi; i++ {
			best, sim := km.nearest(i, scores, k)
			if best != km.label[i] {
				changes[lo/kmeansChunk]++
			}
			km.label[i], km.sim[i] = best, sim
		}
	})
	total := 0
	for _, c := range changes {
		total += c
	}
	return total
}

// nearest scores document i against every centroid.
func (km *kmeans) nearest(i int, scores []float32, k int) (int32, float32) {
	idx, val := km.d.doc(i)
	if len(idx) == 0 || k == 0 {
		return -1, 0
	}
	clear(scores)
	for j, f := range idx {
		v := val[j]
		row := km.centT[int(f)*k : int(f)*k+k]
		for c, x := range row {
			scores[c] += v * x
		}
	}
	best := int32(0)
	for c := 1; c < k; c++ {
		if scores[c] > scores[best] {
			best = int32(c)
		}
	}
	return best, scores[best]
}

// sums adds up the documents of each cluster, in document order.
func (km *kmeans) sums() ([][]float64, []int) {
	k := km.k()
	sums := make([][]float64, k)
	for c := range sums {
		sums[c] = make([]float64, km.dim)
	}
	counts := make([]int, k)
	for i, c := range km.label {
		if c < 0 {
			continue
		}
		counts[c]++
		idx, val := km.d.doc(i)
		row := sums[c]
		for j, f := range idx {
			row[f] += float64(val[j])
		}
	}
	return sums, counts
}

// update moves each centroid to its cluster's normalised mean; an empty
// cluster takes the document worst served by its centroid.
func (km *kmeans) update() {
	sums, counts := km.sums()
	taken := map[int]bool{}
	for c := range sums {
		if counts[c] == 0 {
			if i := km.worstServed(taken); i >= 0 {
				taken[i] = true
				sums[c] = km.denseDoc(i)
			}
		}
	}
	km.setCentroids(normalisedRows(sums))
}

func (km *kmeans) worstServed(taken map[int]bool) int {
	worst := -1
	for i, c := range km.label {
		if c >= 0 && !taken[i] && (worst < 0 || km.sim[i] < km.sim[worst]) {
			worst = i
		}
	}
	return worst
}

func (km *kmeans) denseDoc(i int) []float64 {
	row := make([]float64, km.dim)
	idx, val := km.d.doc(i)
	for j, f := range idx {
		row[f] = float64(val[j])
	}
	return row
}

func normalisedRows(sums [][]float64) [][]float32 {
	out := make([][]float32, len(sums))
	for c, s := range sums {
		var norm float64
		for _, x := range s {
			norm += x * x
		}
		row := make([]float32, len(s))
		if norm > 0 {
			inv := 1 / math.Sqrt(norm)
			for f, x := range s {
				row[f] = float32(x * inv)
			}
		}
		out[c] = row
	}
	return out
}

// run iterates assignment and update until few documents move.
func (km *kmeans) run() {
	km.assign()
	for range kmeansMaxIter {
		km.update()
		if moved := km.assign(); moved <= km.d.len()/1000 {
			return
		}
	}
}

// seed picks k starting centroids with k-means++: each next one is a
// document drawn with probability growing with its squared distance to
// the centroids so far.
func (km *kmeans) seed(k int, rng *rand.Rand) [][]float32 {
	n := km.d.len()
	best := make([]float32, n)
	var cent [][]float32
	var live []int
	for i := range n {
		if idx, _ := km.d.doc(i); len(idx) > 0 {
			live = append(live, i)
		}
	}
	if len(live) == 0 {
		return nil
	}
	next := live[rng.IntN(len(live))]
	for len(cent) < k {
		row := make([]float32, km.dim)
		idx, val := km.d.doc(next)
		for j, f := range idx {
			row[f] = val[j]
		}
		cent = append(cent, row)
		forChunks(n, km.workers, kmeansChunk, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				idx, val := km.d.doc(i)
				if s := dot(idx, val, row); s > best[i] || len(cent) == 1 {
					best[i] = s
				}
			}
		})
		if next = drawFar(live, best, rng); next < 0 {
			break // every document sits on a centroid
		}
	}
	return cent
}

// drawFar draws a document with weight (1 - similarity)².
func drawFar(live []int, best []float32, rng *rand.Rand) int {
	var total float64
	for _, i := range live {
		d := 1 - float64(best[i])
		total += d * d
	}
	if total < 1e-9 {
		return -1
	}
	x := rng.Float64() * total
	for _, i := range live {
		d := 1 - float64(best[i])
		if x -= d * d; x < 0 {
			return i
		}
	}
	return live[len(live)-1]
}
