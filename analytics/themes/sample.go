package themes

import (
	"cmp"
	"hash/fnv"
	"slices"
)

// sampleCap bounds the tickets the vocabulary and the clusters are learnt
// from; every ticket is assigned afterwards. A few ten thousand tickets
// show every theme big enough to matter many times over.
const sampleCap = 60000

// sampleTickets picks up to sampleCap tickets by a hash of their ids, in
// hash order: the same tickets in any input order give the same sample.
func sampleTickets(tickets []Ticket) []int {
	type keyed struct {
		h  uint64
		id string
		i  int
	}
	ks := make([]keyed, len(tickets))
	for i, t := range tickets {
		ks[i] = keyed{idHash(t.ID), t.ID, i}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.id, b.id), cmp.Compare(a.i, b.i))
	})
	out := make([]int, min(len(ks), sampleCap))
	for j := range out {
		out[j] = ks[j].i
	}
	return out
}

func idHash(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return mix(h.Sum64())
}

// mix spreads the bits of a hash (the splitmix64 finaliser), since FNV
// keeps similar ids' hashes close.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
