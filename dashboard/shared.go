package dashboard

import (
	"context"
	"strconv"

	"github.com/uptake/uptake/analytics"
)

// Answers that many pages and filter combinations reuse are cached by name
// (in the same cache as whole pages, dropped with it when the data
// changes): a new filter on the portfolio then sorts rows already read
// instead of asking the store again. Callers must not modify what they get.

func (s *Server) portfolioRows(ctx context.Context, scope analytics.Scope) ([]analytics.PortfolioRow, error) {
	return shared(s, ctx, "portfolio\x1f"+scope.Manager+"\x1f"+scope.AccountID, func() ([]analytics.PortfolioRow, error) {
		return s.svc.Portfolio(ctx, scope)
	})
}

// trainingImpact is the whole before/after comparison (every account).
func (s *Server) trainingImpact(ctx context.Context) (analytics.Impact, error) {
	return shared(s, ctx, "impact", func() (analytics.Impact, error) { return s.svc.TrainingImpact(ctx, "", "") })
}

func (s *Server) lastWeeks(ctx context.Context, kind string, n int) (analytics.Period, error) {
	return shared(s, ctx, "weeks\x1f"+kind+"\x1f"+strconv.Itoa(n), func() (analytics.Period, error) { return s.svc.LastWeeks(ctx, kind, n) })
}

func shared[T any](s *Server, ctx context.Context, key string, compute func() (T, error)) (T, error) {
	v, err := s.cache.get(ctx, "shared\x1f"+key, s.now(), func() (any, error) { return compute() })
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
