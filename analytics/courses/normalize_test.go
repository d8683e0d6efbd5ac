package courses

import (
	"reflect"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Share the screen in a Teams meeting", []string{"shar", "scre", "team", "meet"}},
		{"sharing screens, meetings", []string{"shar", "scre", "meet"}},
		{"Partager l'écran en réunion", []string{"partag", "ecran", "reunion"}},
		{"PARTAGÉ ÉCRANS", []string{"partag", "ecran"}},
		{"Bildschirm teilen in Besprechungen", []string{"bildschirm", "teil", "besprechung"}},
		{"Libraries & policies", []string{"library", "policy"}},
		{"open access", []string{"open", "access"}},
		{"How do I set up my out-of-office?", []string{"out", "offic"}},
		{"", []string{}},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeForms checks that the forms people write of one word meet.
func TestNormalizeForms(t *testing.T) {
	groups := [][]string{
		{"share", "shares", "shared", "sharing"},
		{"meeting", "meetings", "meet"},
		{"partager", "partagé", "partage", "partagez", "partages"},
		{"écran", "ecran", "écrans", "ÉCRAN"},
		{"Datei", "Dateien"},
		{"library", "libraries"},
	}
	for _, g := range groups {
		want := Normalize(g[0])
		for _, w := range g[1:] {
			if got := Normalize(w); !reflect.DeepEqual(got, want) {
				t.Errorf("Normalize(%q) = %q, want %q like %q", w, got, want, g[0])
			}
		}
	}
}
