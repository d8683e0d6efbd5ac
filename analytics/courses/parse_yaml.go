package courses

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlLine finds the line number in yaml.v3's syntax error messages.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// readYAML reads a catalogue written as a list of courses, either at the top
// level or under a "courses" key.
func readYAML(r io.Reader, errs *collector) []rawCourse {
	var doc yaml.Node
	if err := yaml.NewDecoder(r).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			errs.add(&FieldError{Msg: "the file holds no courses; write a list of courses, one mapping per course"})
			return nil
		}
		errs.add(yamlSyntaxError(err))
		return nil
	}
	list := courseList(&doc, errs)
	if list == nil {
		return nil
	}
	out := make([]rawCourse, 0, len(list.Content))
	for _, item := range list.Content {
		if errs.full() {
			break
		}
		if rc, ok := yamlCourse(resolve(item), errs); ok {
			out = append(out, rc)
		}
	}
	return out
}

// yamlSyntaxError turns a yaml.v3 error into a located FieldError.
func yamlSyntaxError(err error) *FieldError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	fe := &FieldError{}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		fe.Line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(err.Error(), m[0])
	}
	fe.Msg = fmt.Sprintf("not valid YAML (%s); check the indentation and quoting there and on the lines above", msg)
	return fe
}

// courseList finds the sequence of courses in the document.
func courseList(doc *yaml.Node, errs *collector) *yaml.Node {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		errs.add(&FieldError{Msg: "the file holds no courses; write a list of courses, one mapping per course"})
		return nil
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if key := root.Content[i]; key.Value == "courses" {
				root = resolve(root.Content[i+1])
				break
			}
		}
	}
	if root.Kind != yaml.SequenceNode {
		errs.add(&FieldError{Line: root.Line, Column: root.Column,
			Msg: `expected a list of courses (lines starting with "- id: …"), either at the top or under "courses:"`})
		return nil
	}
	return root
}

// resolve follows a YAML alias (*name) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// yamlCourse reads one course mapping; ok is false when it is no mapping.
func yamlCourse(n *yaml.Node, errs *collector) (rawCourse, bool) {
	if n.Kind != yaml.MappingNode {
		errs.add(&FieldError{Line: n.Line, Column: n.Column,
			Msg: `expected a course (a mapping of "field: value" lines); check the indentation`})
		return rawCourse{}, false
	}
	rc := rawCourse{line: n.Line, col: n.Column, fields: map[string]rawValue{}}
	id := courseIDOf(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], resolve(n.Content[i+1])
		field := canonicalField(key.Value)
		_, dup := rc.fields[field]
		problem := ""
		switch {
		case field == "":
			problem = fmt.Sprintf("unknown field %q; known fields are %s", key.Value, strings.Join(fieldNames, ", "))
		case dup:
			problem = fmt.Sprintf("%s is given twice (first on line %d); keep one", field, rc.fields[field].line)
		}
		if problem != "" {
			rc.broken = true
			errs.add(&FieldError{Line: key.Line, Column: key.Column, Field: key.Value, CourseID: id, Msg: problem})
			continue
		}
		rv := yamlValue(field, val, id, errs)
		rc.broken = rc.broken || rv.invalid
		rc.fields[field] = rv
	}
	return rc, true
}

// courseIDOf peeks at a course's id so that every problem can name it.
func courseIDOf(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if canonicalField(n.Content[i].Value) == fID && resolve(n.Content[i+1]).Kind == yaml.ScalarNode {
			return strings.TrimSpace(resolve(n.Content[i+1]).Value)
		}
	}
	return ""
}

// yamlValue reads one field's value: a scalar, or for topics also a list of scalars.
func yamlValue(field string, n *yaml.Node, id string, errs *collector) rawValue {
	rv := rawValue{line: n.Line, col: n.Column}
	switch {
	case n.Kind == yaml.ScalarNode:
		if n.Tag != "!!null" {
			rv.text = n.Value
		}
		return rv
	case n.Kind == yaml.SequenceNode && field == fTopics:
		rv.isList = true
		for _, item := range n.Content {
			item = resolve(item)
			if item.Kind != yaml.ScalarNode {
				errs.add(&FieldError{Line: item.Line, Column: item.Column, Field: field, CourseID: id,
					Msg: "each topic must be a short phrase, not a list or mapping"})
				rv.invalid = true
				return rv
			}
			rv.list = append(rv.list, item.Value)
		}
		return rv
	}
	hint := "write a single value"
	if field == fTopics {
		hint = "write a list of phrases"
	}
	errs.add(&FieldError{Line: n.Line, Column: n.Column, Field: field, CourseID: id,
		Msg: fmt.Sprintf("%s has the wrong shape; %s", field, hint)})
	rv.invalid = true
	return rv
}
