package themes

import (
	"slices"
	"testing"
)

func TestOneEdit(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"teams", "teams", true}, {"teams", "taems", true}, {"teams", "tems", true}, {"teams", "teamss", true},
		{"teams", "teals", true}, {"teams", "temps", false}, {"double", "oublie", false}, {"abc", "", false},
		{"sharepoint", "sharepiont", true}, {"sharepoint", "sahrepiont", false},
	}
	for _, c := range cases {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestTypingSlipsOfGlossaryWords(t *testing.T) {
	cases := []struct {
		text, lang string
		want       []string
	}{
		{"Bildschrim teilen", "de", []string{"SCREEN", "SHARE"}},
		{"sharepiont folder", "en", []string{"SHAREPOINT", "FOLDER"}},
		{"passwrod", "en", []string{"PASSWORD"}},
		{"synchroniesr", "fr", []string{"SYNC"}},
		{"the main file", "en", []string{"main", "FILE"}}, // too short to correct
		{"a fine day", "en", []string{"fin"}},
	}
	for _, c := range cases {
		if got := tokens(c.text, c.lang); !slices.Equal(got, c.want) {
			t.Errorf("tokens(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A word corrected often, compared with the concept it was read as, is a
// real word of the data: "contracts" is not a slip of "contacts".
func TestRealWordsAreLeftAlone(t *testing.T) {
	uses := map[string]*typoUse{
		"en contracts": {count: 30, tokens: []string{"CONTACT"}},
		"en contcats":  {count: 2, tokens: []string{"CONTACT"}},
	}
	var docs []tokenised
	for range 200 {
		docs = append(docs, tokenised{tokens: []string{"CONTACT", "GROUP"}})
	}
	real := realWords(uses, docs)
	if !real["en contracts"] || real["en contcats"] {
		t.Fatalf("real words %v", real)
	}
	a := newAnalyser(real)
	if got := a.analyse("contracts", "", "en").tokens; slices.Contains(got, "CONTACT") {
		t.Errorf("a real word was corrected: %q", got)
	}
	if got := a.analyse("contcats", "", "en").tokens; !slices.Contains(got, "CONTACT") {
		t.Errorf("a slip was not corrected: %q", got)
	}
}
