package deploy

import (
	"os"
	"path/filepath"
	"testing"
)

// root is the repository's top folder, where the deployment files are.
var root = func() string {
	abs, err := filepath.Abs("..")
	if err != nil {
		panic(err)
	}
	return abs
}()

// readFile reads a file of the repository, by its path from the top.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
