package themes

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// modelVersion changes when the analyser or the vector space changes in a
// way that makes stored models meaningless; Load refuses other versions.
const modelVersion = 1

// Model is what discovery learnt: the vocabulary and its weights, the
// themes and their centroids. It is plain data, so encoding/json stores
// and restores it; use Load to restore one.
type Model struct {
	Version   int       `json:"version"`
	Documents int       `json:"documents"` // tickets the vocabulary was learnt from
	Terms     []string  `json:"terms"`     // known tokens: concepts (upper case) and stems
	Features  []string  `json:"features"`  // a term, or two terms joined by a space
	IDF       []float32 `json:"idf"`       // per feature
	MinScore  float64   `json:"min_score"` // least cosine similarity to join a theme
	// RealWords are words of this data, as "language word", that look like
	// slips of a glossary word but are too common to be ("en contracts").
	RealWords []string     `json:"real_words"`
	Themes    []ModelTheme `json:"themes"`

	ix *modelIndex
}

// ModelTheme is a theme with its centroid.
type ModelTheme struct {
	Theme
	Centroid Centroid `json:"centroid"`
}

// Centroid is a theme's unit-length mean vector, sparse.
type Centroid struct {
	Features []int32   `json:"features"`
	Weights  []float32 `json:"weights"`
}

// modelIndex finds terms and features quickly; built from the exported
// fields and never changed afterwards.
type modelIndex struct {
	term map[string]int32
	uni  []int32          // term → unigram feature, -1 if none
	bi   map[uint64]int32 // bigramKey → feature
	real map[string]bool  // RealWords
}

// Load restores a model stored as JSON and checks that it is whole.
func Load(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("reading theme model: %w", err)
	}
	if m.Version != modelVersion {
		return nil, fmt.Errorf("theme model version %d, this build reads version %d: run discovery again", m.Version, modelVersion)
	}
	ix, err := buildIndex(&m)
	if err != nil {
		return nil, fmt.Errorf("theme model: %w", err)
	}
	m.ix = ix
	return &m, nil
}

// index returns the model's index, building a temporary one for a model
// that was not made by Discover or Load.
func (m *Model) index() (*modelIndex, error) {
	if m.ix != nil {
		return m.ix, nil
	}
	return buildIndex(m)
}

func buildIndex(m *Model) (*modelIndex, error) {
	if len(m.IDF) != len(m.Features) {
		return nil, fmt.Errorf("%d weights for %d features", len(m.IDF), len(m.Features))
	}
	ix := &modelIndex{term: make(map[string]int32, len(m.Terms)), uni: make([]int32, len(m.Terms)), bi: map[uint64]int32{}, real: setOf(m.RealWords...)}
	for i, t := range m.Terms {
		ix.term[t] = int32(i)
		ix.uni[i] = -1
	}
	for f, name := range m.Features {
		if err := ix.addFeature(name, int32(f)); err != nil {
			return nil, err
		}
	}
	for _, t := range m.Themes {
		if err := t.Centroid.check(len(m.Features)); err != nil {
			return nil, fmt.Errorf("theme %s: %w", t.ID, err)
		}
	}
	return ix, nil
}

func (ix *modelIndex) addFeature(name string, f int32) error {
	a, b, pair := strings.Cut(name, " ")
	ta, ok := ix.term[a]
	if !ok {
		return fmt.Errorf("feature %q uses unknown term %q", name, a)
	}
	if !pair {
		ix.uni[ta] = f
		return nil
	}
	tb, ok := ix.term[b]
	if !ok {
		return fmt.Errorf("feature %q uses unknown term %q", name, b)
	}
	ix.bi[bigramKey(ta, tb)] = f
	return nil
}

func (c Centroid) check(features int) error {
	if len(c.Features) != len(c.Weights) {
		return errors.New("centroid features and weights differ in length")
	}
	for _, f := range c.Features {
		if f < 0 || int(f) >= features {
			return fmt.Errorf("centroid feature %d out of range", f)
		}
	}
	return nil
}

// termIDs maps tokens to the model's term ids: -1 for an unknown token,
// -2 for a segment end.
func (ix *modelIndex) termIDs(tokens []string, dst []int32) []int32 {
	dst = dst[:0]
	for _, t := range tokens {
		switch id, ok := ix.term[t]; {
		case t == "":
			dst = append(dst, -2)
		case ok:
			dst = append(dst, id)
		default:
			dst = append(dst, -1)
		}
	}
	return dst
}
