package analytics_test

import (
	"os"
	"testing"

	"github.com/uptake/uptake/store/storetest"
)

// env is this test process's pair of engines (chDB allows one per process).
var env *storetest.Env

func TestMain(m *testing.M) {
	env = storetest.Setup()
	code := m.Run()
	env.Close()
	if truthData.dir != "" {
		_ = os.RemoveAll(truthData.dir)
	}
	os.Exit(code)
}
