package courses

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Parse reads a catalogue from r; name (a file name) chooses the format by
// its extension (.yaml, .yml or .csv) and prefixes every problem reported.
//
// Problems are collected, not stopped at: the error is a *ParseError listing
// up to 20 of them, each a *FieldError with line, column and field. The
// courses that passed validation are returned even then, in file order, so
// a caller may show or use them; a caller that wants all-or-nothing checks
// the error first.
func Parse(r io.Reader, name string) ([]Course, error) {
	errs := &collector{file: filepath.Base(name)}
	var raws []rawCourse
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".yaml", ".yml":
		raws = readYAML(r, errs)
	case ".csv":
		raws = readCSV(r, errs)
	default:
		return nil, fmt.Errorf("course catalogue %s: format %q is not known; use a .yaml, .yml or .csv file", name, ext)
	}
	v := newValidator(errs)
	out := make([]Course, 0, len(raws))
	for _, rc := range raws {
		if c, ok := v.course(rc); ok {
			out = append(out, c)
		}
	}
	return out, errs.err()
}
