package courses

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes as YAML and as CSV: Parse must not panic,
// and every course it returns must have passed validation.
func FuzzParse(f *testing.F) {
	f.Add(defaultCatalogue[:2000], true)
	f.Add([]byte(goodYAML), true)
	f.Add([]byte(goodCSV), false)
	f.Add([]byte("courses:\n  - &a {id: X}\n  - *a\n"), true)
	f.Add([]byte("id,title\n\"a\"\"b\",c\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asYAML bool) {
		name := "f.csv"
		if asYAML {
			name = "f.yaml"
		}
		cs, _ := Parse(bytes.NewReader(data), name)
		for _, c := range cs {
			if c.ID == "" || c.MaxAttendees <= 0 || c.DurationHours <= 0 || len(c.Topics) == 0 {
				t.Fatalf("invalid course returned: %+v", c)
			}
			if _, ok := CanonicalWorkload(c.Workload); !ok || strings.TrimSpace(c.Title) == "" {
				t.Fatalf("invalid course returned: %+v", c)
			}
		}
	})
}
