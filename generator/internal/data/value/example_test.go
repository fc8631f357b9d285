package value_test

import (
	"fmt"

	"gongkai/generator/internal/data/value"
)

func ExampleParseNumber() {
	for _, cell := range []string{"1,234,567.5", "12万元", "12,5", "1.23E+11"} {
		n, err := value.ParseNumber(cell, value.DefaultNumberFormat())
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %q\n", n.Decimal, n.Suffix)
	}
	// Output:
	// 1234567.5 ""
	// 12 "万元"
	// "12,5" is not a number: a comma here groups thousands and cannot be a decimal comma, so write "12.5" or "12,500"
	// "1.23E+11" is written in scientific notation: write the number in full, like 123000000000; Excel writes wide numbers this way, so format the column as Number in Excel before saving as CSV
}

func ExampleScale() {
	n, _ := value.ParseNumber("3.5亿元", value.DefaultNumberFormat())
	wan, ok := value.Scale(n.Decimal, n.Suffix, "万元")
	fmt.Println(wan, ok)
	// Output: 35000 true
}

func ExampleParseDate() {
	forms := []string{"iso", "slash", "chinese"}
	for _, cell := range []string{"2012年6月30日", "2012-02-30", "30/6/2012"} {
		d, err := value.ParseDate(cell, forms)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 2012-06-30
	// "2012-02-30" is not a date: February 2012 has only 29 days
	// "30/6/2012" is not a date in an accepted form: write 2012-06-30, 2012/6/30, 2012年6月30日 or 2012年6月
}
