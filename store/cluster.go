package store

import (
	"fmt"
	"regexp"
	"strings"
	"text/template"
)

// Layout decides how the migrations' DDL is written. The zero Layout is one
// server or chDB. A cluster Layout (Cluster set) writes, for each table T:
//
//   - T_local on every node, ON CLUSTER, with the Replicated form of T's
//     engine (replicas of a shard share '/clickhouse/tables/{shard}/DB/T_local');
//   - T, a Distributed table over T_local, sharded by the hash of
//     account_id when T's sort key has it (else its first sort column), so
//     all versions of a row meet on one shard and ReplacingMergeTree can
//     merge them.
//
// Queries and inserts name T, so they go through the Distributed tables
// unchanged. ALTERs are applied to both. The cluster DDL names the database
// of every table: a node running a statement ON CLUSTER for another takes
// an unqualified name to be in its own default database.
type Layout struct {
	Cluster  string // the cluster's name in the servers' remote_servers
	Database string // the database, for the replication paths
}

// Layout is how this store's tables are laid out: for its cluster, if any.
func (s *Store) Layout() Layout { return Layout{Cluster: s.loc.Cluster, Database: s.loc.Database} }

// NewLayout checks the names a cluster layout writes into DDL.
func NewLayout(cluster, database string) (Layout, error) {
	if cluster != "" && !validIdentifier(cluster) {
		return Layout{}, fmt.Errorf("cluster name %q may hold only letters, digits and underscores", cluster)
	}
	if !validIdentifier(database) {
		return Layout{}, fmt.Errorf("database name %q may hold only letters, digits and underscores", database)
	}
	return Layout{Cluster: cluster, Database: database}, nil
}

// tablePlaceholder stands for the local table's name in a replication path
// until distribute knows it.
const tablePlaceholder = "@@table@@"

func (l Layout) funcs() template.FuncMap {
	if l.Cluster == "" {
		return template.FuncMap{
			"on_cluster": func() string { return "" },
			"engine":     func(e string) string { return e },
		}
	}
	return template.FuncMap{
		"on_cluster": func() string { return "ON CLUSTER " + l.Cluster },
		"engine":     l.replicated,
	}
}

// replicated turns "ReplacingMergeTree(version)" into
// "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/DB/@@table@@', '{replica}', version)".
func (l Layout) replicated(engine string) string {
	name, args, _ := strings.Cut(strings.TrimSuffix(engine, ")"), "(")
	params := fmt.Sprintf("'/clickhouse/tables/{shard}/%s/%s', '{replica}'", l.Database, tablePlaceholder)
	if args != "" {
		params += ", " + args
	}
	return "Replicated" + name + "(" + params + ")"
}

var (
	createTable = regexp.MustCompile(`^CREATE TABLE IF NOT EXISTS (\w+) ON CLUSTER \w+`)
	alterTable  = regexp.MustCompile(`^ALTER TABLE (\w+) ON CLUSTER \w+`)
	sortKey     = regexp.MustCompile(`(?m)^ORDER BY \(?([^)\n;]+)\)?`)
)

// distribute rewrites a migration's statements for a cluster layout (see
// Layout); without a cluster it returns them as they are.
//
// shardKeys carries each table's sharding column from its CREATE to later
// ALTERs: an 18.16 server refuses ALTER … ON CLUSTER on a Distributed
// table over replicated shards, so after altering T_local the
// Distributed T (which holds no rows) is dropped and created again over
// the new columns.
func (l Layout) distribute(stmts []string, shardKeys map[string]string) []string {
	if l.Cluster == "" {
		return stmts
	}
	var out []string
	for _, st := range stmts {
		st = strings.TrimSpace(st)
		if m := createTable.FindStringSubmatch(st); m != nil {
			shardKeys[m[1]] = shardColumn(st)
			out = append(out,
				strings.ReplaceAll(strings.Replace(st, "EXISTS "+m[1]+" ", "EXISTS "+l.Database+"."+m[1]+"_local ", 1), tablePlaceholder, m[1]+"_local"),
				l.createDistributed(m[1], shardKeys[m[1]]))
			continue
		}
		if m := alterTable.FindStringSubmatch(st); m != nil {
			out = append(out,
				strings.Replace(st, "ALTER TABLE "+m[1]+" ", "ALTER TABLE "+l.Database+"."+m[1]+"_local ", 1),
				fmt.Sprintf("DROP TABLE IF EXISTS %s.%s ON CLUSTER %s", l.Database, m[1], l.Cluster),
				l.createDistributed(m[1], shardKeys[m[1]]))
			continue
		}
		out = append(out, st)
	}
	return out
}

// createDistributed writes the Distributed table over table's local tables.
func (l Layout) createDistributed(table, shardKey string) string {
	if shardKey == "" {
		shardKey = "rand()"
	} else {
		shardKey = "cityHash64(" + shardKey + ")"
	}
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s.%s ON CLUSTER %s AS %s.%s_local\nENGINE = Distributed(%s, %s, %s_local, %s)",
		l.Database, table, l.Cluster, l.Database, table, l.Cluster, l.Database, table, shardKey)
}

// shardColumn picks the sharding column from a CREATE TABLE's sort key:
// account_id when the key has it, else the key's first column.
func shardColumn(create string) string {
	m := sortKey.FindStringSubmatch(create)
	if m == nil {
		return ""
	}
	cols := strings.Split(m[1], ",")
	for _, c := range cols {
		if strings.TrimSpace(c) == "account_id" {
			return "account_id"
		}
	}
	return strings.TrimSpace(cols[0])
}
