package courses

import (
	"bytes"
	_ "embed"
	"fmt"
)

//go:embed default_catalogue.yaml
var defaultCatalogue []byte

// DefaultFile is the name problems in the embedded catalogue are reported under.
const DefaultFile = "default_catalogue.yaml"

// Default returns the catalogue shipped with Uptake. It is parsed on every
// call so callers may modify their copy; a test keeps the file valid, so a
// failure here is a build defect and panics.
func Default() []Course {
	cs, err := Parse(bytes.NewReader(defaultCatalogue), DefaultFile)
	if err != nil {
		panic(fmt.Errorf("courses: embedded default catalogue is invalid: %w", err))
	}
	return cs
}
