package ingest

// microsoft365Formats are the Microsoft 365 usage report formats (Graph
// reportRoot CSV downloads), tried before the generic ones.
func microsoft365Formats() []format {
	return nil
}
