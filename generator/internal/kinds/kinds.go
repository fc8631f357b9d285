// Package kinds holds the built-in kinds of dataset: CSV files at fixed
// paths under data/ whose schemas are written in Go, accepting English and
// Chinese header names (commitments, progress, disclosures, budgets,
// organizations, committees, population). Package data reads them like any
// other dataset; it claims their files only because the site passes All in
// data.Options.Kinds.
//
// A new built-in kind is one entry in All: its schema, path and title, with
// the schema in a file of its own beside the others (registry.go holds the
// three kinds of the commitment registry and the typed rows the site binds
// them to). Its pages are made by the site's page families in package site
// (generator/internal/site), which find its dataset by ID.
package kinds

import "gongkai/generator/internal/data"

// All are the built-in kinds, in the order the site lists them.
var All = []data.Kind{
	{ID: "commitments", Path: "data/commitments.csv", Title: "承诺登记表", Schema: commitmentsSchema},
	{ID: "progress", Path: "data/progress.csv", Title: "进展观测值", Schema: progressSchema},
	{ID: "disclosures", Path: "data/disclosures.csv", Title: "公开事项记录", Schema: disclosuresSchema},
	{ID: "budgets", Path: "data/budgets", Folder: true, Title: "部门预算与决算", Schema: budgetsSchema},
	{ID: "organizations", Path: "data/organizations", Folder: true, Title: "社会组织与评估等级", Schema: organizationsSchema},
	{ID: "committees", Path: "data/committees", Folder: true, Title: "居委会与村委会", Schema: committeesSchema},
	{ID: "population", Path: "data/population.csv", Title: "常住人口", Schema: populationSchema},
	AnnualReportsKind,
}
