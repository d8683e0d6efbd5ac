package themes

import (
	"math"
	"math/rand/v2"
)

// Clustering settings.
const (
	// mergeThreshold is the centroid cosine above which two clusters of the
	// over-clustered sample are one theme.
	mergeThreshold = 0.2
	// minScore is the similarity a ticket needs to its nearest theme to
	// join it; below it the ticket is unthemed.
	minScore         = 0.2
	maxStartClusters = 200
	startClusterSize = 8
	singleStart      = 400                                    // up to this many documents, merging starts from single documents
	seedA, seedB     = 0x7468656d65730001, 0x7570746b65000002 // fixed: results repeat
	maxPrune         = 5
)

// vectoriseSample builds the sample's document vectors over m's features.
func vectoriseSample(m *Model, docs []tokenised, workers int) *docs {
	vecs := make([]sparse, len(docs))
	vs := make([]*vectoriser, workers)
	ids := make([][]int32, workers)
	forChunks(len(docs), workers, 256, func(w, lo, hi int) {
		if vs[w] == nil {
			vs[w] = newVectoriser(m.ix, m.IDF)
		}
		for j := lo; j < hi; j++ {
			ids[w] = m.ix.termIDs(docs[j].tokens, ids[w])
			v := vs[w].vector(ids[w], docs[j].nSubject)
			vecs[j] = sparse{idx: append([]int32(nil), v.idx...), val: append([]float32(nil), v.val...)}
		}
	})
	d := newDocs(len(docs))
	for _, v := range vecs {
		d.add(v)
	}
	return d
}

// clusterSample over-clusters the sample with k-means, merges clusters
// that point the same way (or down to target), refines, and drops clusters
// smaller than minSize. It returns the centroids.
func clusterSample(d *docs, dim int, minSize, target, workers int) [][]float32 {
	km := newKmeans(d, dim, workers)
	k := startClusters(d.len(), target)
	rng := rand.New(rand.NewPCG(seedA, seedB))
	cent := km.seed(k, rng)
	if len(cent) == 0 {
		return nil
	}
	km.setCentroids(cent)
	km.run()
	sums, _ := km.sums()
	km.setCentroids(normalisedRows(groupSums(sums, mergeClusters(sums, mergeThreshold, target))))
	km.run()
	if target == 0 {
		pruneSmall(km, minSize)
	}
	return km.cent
}

// startClusters over-clusters: a cluster per startClusterSize documents
// (3·√n for small inputs, and every document alone up to singleStart), at
// most maxStartClusters and half the documents, at least twice the
// target. Small clusters are nearly pure (one wording of one question in
// one language); merging puts a theme's wordings and languages back
// together.
func startClusters(n, target int) int {
	if n <= singleStart {
		return n
	}
	k := min(maxStartClusters, max(n/startClusterSize, int(3*math.Sqrt(float64(n)))))
	k = max(k, 2*target, 2)
	return min(k, max(1, n/2))
}

// pruneSmall drops clusters with fewer than minSize documents and lets
// their documents move, until every cluster is big enough.
func pruneSmall(km *kmeans, minSize int) {
	for range maxPrune {
		sums, counts := km.sums()
		var keep [][]float64
		for c, s := range sums {
			if counts[c] >= minSize {
				keep = append(keep, s)
			}
		}
		if len(keep) == len(sums) {
			return
		}
		km.setCentroids(normalisedRows(keep))
		km.run()
	}
}
