package ingest

import "fmt"

// valueRange bounds a column's numbers beyond what its type allows.
type valueRange struct {
	lo, hi int
	what   string
}

// valueRanges are the columns whose values have a meaning only in a range.
var valueRanges = map[string]valueRange{
	"nps": {0, 10, "a likelihood-to-recommend score from 0 to 10 (Net Promoter Score survey)"},
}

// check wraps a converter so values outside the range are refused with a
// reason that says what is expected.
func (r valueRange) check(conv converter) converter {
	return func(field string) (any, error) {
		v, err := conv(field)
		if err != nil || v == nil {
			return v, err
		}
		n, ok := v.(uint8)
		if !ok || int(n) < r.lo || int(n) > r.hi {
			return nil, fmt.Errorf("%q is not %s", field, r.what)
		}
		return v, nil
	}
}
