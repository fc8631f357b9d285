package kinds

import "gongkai/generator/internal/data"

// populationSchema is the residents of each city by year, the denominator of
// the "per 10,000 residents" figures.
func populationSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "city", Aliases: []string{"城市", "地市"}, Type: data.String, Required: true},
			{Name: "year", Aliases: []string{"年份", "年度"}, Type: data.Year, Required: true},
			{Name: "population", Aliases: []string{"常住人口"}, Type: data.Integer, Unit: "人", Required: true, Minimum: new(float64)},
		},
		PrimaryKey: []string{"city", "year"},
	}
}
