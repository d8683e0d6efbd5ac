package ingest

// helpDeskFormats are the help-desk ticket exports (Zendesk, Freshdesk,
// ServiceNow), tried before the generic ones.
func helpDeskFormats() []format {
	return nil
}
