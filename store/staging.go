package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// staleStagingAge is when a staging table is surely left by a dead ingest.
const staleStagingAge = 24 * time.Hour

// CreateStaging creates an empty table shaped like table, for loading a file
// before it is published with MoveRows. It also drops staging tables left by
// ingests that died more than a day ago.
func (s *Store) CreateStaging(ctx context.Context, table string) (string, error) {
	if !validIdentifier(table) {
		return "", fmt.Errorf("table name %q is not valid", table)
	}
	if err := s.dropStaleStaging(ctx); err != nil {
		return "", err
	}
	var id [4]byte
	_, _ = rand.Read(id[:])
	name := fmt.Sprintf("staging_%s_%d_%s", table, time.Now().Unix(), hex.EncodeToString(id[:]))
	if s.loc.Cluster != "" {
		return name, s.createClusterStaging(ctx, table, name)
	}
	if err := s.eng.exec(ctx, "CREATE TABLE "+name+" AS "+table); err != nil {
		return "", fmt.Errorf("creating staging table for %s: %w", table, err)
	}
	// Merging staging parts is wasted work: they are attached to the target
	// (and merged there) or dropped within the ingest.
	if err := s.eng.exec(ctx, "SYSTEM STOP MERGES "+name); err != nil {
		return "", fmt.Errorf("pausing merges of %s: %w", name, err)
	}
	return name, nil
}

// MoveRows publishes a staging table's rows into table. Each partition's
// parts are attached to the target (ATTACH PARTITION … FROM links the files,
// it does not copy the rows), one statement per month of data; staging was
// created AS table, so the two have the same structure and keys. It returns
// the partition ids published (YYYYMM for monthly tables, "all" for
// unpartitioned ones), which tell the rollups what to refresh.
func (s *Store) MoveRows(ctx context.Context, staging, table string) ([]string, error) {
	if !validIdentifier(staging) || !validIdentifier(table) {
		return nil, fmt.Errorf("table names %q, %q are not valid", staging, table)
	}
	if s.loc.Cluster != "" {
		return s.moveClusterRows(ctx, staging, table)
	}
	q, err := loadStoreQueries()
	if err != nil {
		return nil, err
	}
	res, err := s.Query(ctx, q.StagingPartitions, Args{"table": staging})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range res.Rows {
		id := r[0].(string)
		if err := s.eng.exec(ctx, "ALTER TABLE "+table+" ATTACH PARTITION ID "+quoteString(id)+" FROM "+staging); err != nil {
			return ids, fmt.Errorf("attaching partition %s of %s to %s: %w", id, staging, table, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// DropTable removes a table if it exists (on a cluster, on every node,
// with its local table).
func (s *Store) DropTable(ctx context.Context, table string) error {
	if !validIdentifier(table) {
		return fmt.Errorf("table name %q is not valid", table)
	}
	if s.loc.Cluster != "" {
		return s.dropClusterTable(ctx, table)
	}
	return s.eng.exec(ctx, "DROP TABLE IF EXISTS "+table)
}

func (s *Store) dropStaleStaging(ctx context.Context) error {
	q, err := loadStoreQueries()
	if err != nil {
		return err
	}
	res, err := s.Query(ctx, q.StaleStagingTables, Args{"before": time.Now().Add(-staleStagingAge).Unix()})
	if err != nil {
		return err
	}
	for _, r := range res.Rows {
		if err := s.DropTable(ctx, r[0].(string)); err != nil {
			return fmt.Errorf("dropping stale staging table: %w", err)
		}
	}
	return nil
}
