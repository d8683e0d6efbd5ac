package dashboard

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// The OpenAPI document describes exactly the API routes the server has.
func TestOpenAPIListsEveryAPIRoute(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	e := (&Server{}).Handler().(*echo.Echo)
	var routes, documented []string
	for _, r := range e.Routes() {
		if p, ok := strings.CutPrefix(r.Path, "/api/v1"); ok {
			p = strings.ReplaceAll(p, ":id", "{id}")
			routes = append(routes, strings.ToLower(r.Method)+" "+p)
		}
	}
	for p, methods := range doc.Paths {
		for m := range methods {
			documented = append(documented, m+" "+p)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Errorf("routes:\n%s\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}
