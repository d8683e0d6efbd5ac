package analytics

import "errors"

// asNoData reports whether err says data is missing (and fills target).
func asNoData(err error, target *ErrNoData) bool { return errors.As(err, target) }
