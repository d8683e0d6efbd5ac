package analytics

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptake/uptake/analytics/courses"
)

// ErrNotFound says an account does not exist within the caller's scope;
// an account manager asking for another manager's account gets it too, so
// the answer does not reveal that the account exists.
var ErrNotFound = errors.New("no such account")

// AccountView is what an account page shows: the portfolio figures, the
// recommended courses and the upsell chances of one account.
type AccountView struct {
	PortfolioRow
	Recommendations []courses.Recommendation
	Upsell          []Upsell
}

// Account reads one account within scope (queries portfolio,
// stored_recommendations and stored_upsell, each filtered in SQL).
func (s *Service) Account(ctx context.Context, scope Scope, accountID string) (AccountView, error) {
	scope.AccountID = accountID
	rows, err := s.Portfolio(ctx, scope)
	if err != nil {
		return AccountView{}, err
	}
	if len(rows) != 1 {
		return AccountView{}, ErrNotFound
	}
	v := AccountView{PortfolioRow: rows[0]}
	runs, err := s.storedRuns(ctx)
	if err != nil {
		return v, err
	}
	if run, ok := runs[findingsRecommendations]; ok {
		if v.Recommendations, err = s.readRecommendations(ctx, run, scope); err != nil {
			return v, fmt.Errorf("account %s: %w", accountID, err)
		}
	}
	if run, ok := runs[findingsUpsell]; ok {
		if v.Upsell, err = s.readUpsell(ctx, run, scope); err != nil {
			return v, fmt.Errorf("account %s: %w", accountID, err)
		}
	}
	return v, nil
}
