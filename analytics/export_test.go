package analytics

import (
	"context"
	"time"

	"github.com/uptake/uptake/analytics/courses"
)

// Live computations, for tests that compare them with the stored findings.

func (s *Service) LiveRecommendations(ctx context.Context) ([]courses.Recommendation, error) {
	return s.liveRecommendations(ctx)
}

func (s *Service) LiveUpsell(ctx context.Context) ([]Upsell, error) {
	return s.liveUpsell(ctx, time.Time{}, nil)
}

func (s *Service) StoredFindings(ctx context.Context, kind string) (bool, error) {
	_, ok, err := s.storedRun(ctx, kind)
	return ok, err
}
