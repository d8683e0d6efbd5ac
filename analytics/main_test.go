package analytics_test

import (
	"os"
	"testing"

	"github.com/uptake/uptake/store/storetest"
)

var env *storetest.Env

func TestMain(m *testing.M) {
	env = storetest.Setup()
	code := m.Run()
	env.Close()
	os.Exit(code)
}
