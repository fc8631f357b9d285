package kinds

import "gongkai/generator/internal/data"

func organizationsSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "credit_code", Aliases: []string{"统一社会信用代码"}, Type: data.USCC, Required: true, Unique: true},
			{Name: "name", Aliases: []string{"名称", "社会组织名称"}, Type: data.String, Required: true},
			{Name: "type", Aliases: []string{"类型", "组织类型"}, Type: data.String},
			{Name: "city", Aliases: []string{"城市", "地市"}, Type: data.String},
			{Name: "registered_by", Aliases: []string{"登记机关", "登记管理机关"}, Type: data.String},
			{Name: "grade", Aliases: []string{"评估等级", "等级"}, Type: data.String, Enum: []string{"1A", "2A", "3A", "4A", "5A"}},
			{Name: "rated_year", Aliases: []string{"评估年度", "评估年份"}, Type: data.Year},
			{Name: "valid_until", Aliases: []string{"有效期至"}, Type: data.Date},
		},
		PrimaryKey: []string{"credit_code"},
	}
}
