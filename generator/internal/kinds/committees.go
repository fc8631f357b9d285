package kinds

import "gongkai/generator/internal/data"

func committeesSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "year", Aliases: []string{"年度", "年份"}, Type: data.Year, Required: true},
			{Name: "city", Aliases: []string{"地市", "城市"}, Type: data.String, Required: true},
			{Name: "district", Aliases: []string{"区县", "县区"}, Type: data.String, Required: true},
			{Name: "town", Aliases: []string{"镇街", "乡镇街道"}, Type: data.String},
			{Name: "name", Aliases: []string{"名称"}, Type: data.String, Required: true},
			{Name: "kind", Aliases: []string{"类型"}, Type: data.String, Required: true, Enum: []string{"居委会", "村委会"}},
			{Name: "direct_election", Aliases: []string{"直接选举", "是否直选"}, Type: data.Boolean},
			{Name: "local_members_ratio", Aliases: []string{"本地成员比例", "属地化比例"}, Type: data.Number, Unit: "%"},
			{Name: "disclosure_compliant", Aliases: []string{"公开达标", "居务公开达标"}, Type: data.Boolean},
			{Name: "last_disclosure", Aliases: []string{"最近公开", "最近公开日期"}, Type: data.Date},
		},
	}
}
