package exports_test

import (
	"testing"

	"github.com/uptake/uptake/store/storetest"
)

// env is this test process's pair of engines (chDB allows one per process).
var env *storetest.Env

func TestMain(m *testing.M) { storetest.Main(m, &env) }
