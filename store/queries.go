package store

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"strings"
)

// Query is one named SQL statement, loaded from NAME.sql.
type Query struct {
	Name string
	SQL  string
}

// LoadQueries fills every Query field of the struct pointed to by dst from
// the .sql file named by the field's `sql` tag in dir of fsys. A missing file
// fails here, at start-up, not when a user first needs the query; so does a
// file no field uses.
func LoadQueries(fsys fs.FS, dir string, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("LoadQueries needs a pointer to a struct, got %T", dst)
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("reading queries in %s: %w", dir, err)
	}
	unused := map[string]bool{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			unused[strings.TrimSuffix(e.Name(), ".sql")] = true
		}
	}
	st := rv.Elem()
	for i := 0; i < st.NumField(); i++ {
		f := st.Type().Field(i)
		if f.Type != reflect.TypeOf(Query{}) {
			continue
		}
		name := f.Tag.Get("sql")
		if name == "" {
			return fmt.Errorf("query field %s has no sql tag", f.Name)
		}
		text, err := fs.ReadFile(fsys, path.Join(dir, name+".sql"))
		if err != nil {
			return fmt.Errorf("query %s: %w", name, err)
		}
		sql := strings.TrimSpace(string(text))
		if sql == "" {
			return fmt.Errorf("query %s: file is empty", name)
		}
		st.Field(i).Set(reflect.ValueOf(Query{Name: name, SQL: strings.TrimSuffix(sql, ";")}))
		delete(unused, name)
	}
	for name := range unused {
		return fmt.Errorf("query file %s/%s.sql is not used by %s", dir, name, st.Type())
	}
	return nil
}
