package courses

import (
	"fmt"
	"strings"
)

// maxErrors bounds how many problems one Parse reports: enough to fix a file
// in one pass, few enough to read.
const maxErrors = 20

// FieldError is one problem in a catalogue file, located precisely enough
// to fix it without searching.
type FieldError struct {
	File     string
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Column   int    // 1-based CSV column or YAML column; 0 when unknown
	Field    string // catalogue field name, e.g. "level"; empty for syntax errors
	CourseID string // empty when the course has no id yet
	Msg      string // what is wrong and what to do
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " (%s)", e.Field)
	}
	b.WriteString(": ")
	if e.CourseID != "" {
		fmt.Fprintf(&b, "course %q: ", e.CourseID)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ParseError lists the problems of one catalogue file, in file order.
type ParseError struct {
	Errs    []*FieldError // at most maxErrors
	Omitted int           // further problems not listed
}

func (e *ParseError) Error() string {
	lines := make([]string, 0, len(e.Errs)+1)
	for _, fe := range e.Errs {
		lines = append(lines, fe.Error())
	}
	if e.Omitted > 0 {
		lines = append(lines, fmt.Sprintf("… and %d more problems", e.Omitted))
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As reach each FieldError.
func (e *ParseError) Unwrap() []error {
	out := make([]error, len(e.Errs))
	for i, fe := range e.Errs {
		out[i] = fe
	}
	return out
}

// collector gathers problems while a file is read.
type collector struct {
	file    string
	errs    []*FieldError
	omitted int
}

func (c *collector) add(fe *FieldError) {
	fe.File = c.file
	if len(c.errs) >= maxErrors {
		c.omitted++
		return
	}
	c.errs = append(c.errs, fe)
}

// full reports whether further reading can only add omitted problems.
func (c *collector) full() bool { return len(c.errs) >= maxErrors }

// err is nil when nothing was collected.
func (c *collector) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ParseError{Errs: c.errs, Omitted: c.omitted}
}
