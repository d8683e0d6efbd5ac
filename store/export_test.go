package store

import "context"

// MigrateTo exposes migrateTo to the tests of package store_test.
func (s *Store) MigrateTo(ctx context.Context, upTo int) ([]Migration, error) {
	return s.migrateTo(ctx, upTo)
}
