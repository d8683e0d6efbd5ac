package courses

import (
	"reflect"
	"testing"
)

func TestMerge(t *testing.T) {
	c := func(id, title string) Course { return Course{ID: id, Title: title} }
	tests := []struct {
		name        string
		base, extra []Course
		want        []Course
	}{
		{"extra overrides in place and adds", []Course{c("A", "a"), c("B", "b")}, []Course{c("C", "c"), c("A", "a2")},
			[]Course{c("A", "a2"), c("B", "b"), c("C", "c")}},
		{"later duplicate in extra wins", []Course{c("A", "a")}, []Course{c("A", "a2"), c("A", "a3")},
			[]Course{c("A", "a3")}},
		{"new duplicates in extra collapse", nil, []Course{c("X", "x1"), c("X", "x2")}, []Course{c("X", "x2")}},
		{"nothing extra", []Course{c("A", "a")}, nil, []Course{c("A", "a")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := append([]Course(nil), tt.base...)
			if got := Merge(tt.base, tt.extra); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(base, tt.base) {
				t.Error("Merge modified base")
			}
		})
	}
}
