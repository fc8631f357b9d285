// Package parquettest writes Parquet files for tests, from CSV text whose
// header says each column's Parquet type.
//
// A header cell is "name:type", the type one of
//
//	string enum json binary uuid        text (binary: BYTE_ARRAY without annotation)
//	int8 int16 int32 int64 uint8 … uint64   integers (INT logical types)
//	float double                        FLOAT, DOUBLE ("NaN", "Inf" allowed)
//	decimal(P;S)                        DECIMAL on INT32 (P ≤ 9), INT64 (P ≤ 18) or a 16-byte FIXED_LEN_BYTE_ARRAY
//	decimal(P;S;bytes)                  DECIMAL on BYTE_ARRAY
//	date                                DATE (2013-03-15)
//	timestamp(ms|us|ns)                 TIMESTAMP, local (2013-03-15 08:30:00, or a day)
//	timestamptz(ms|us|ns)               TIMESTAMP adjusted to UTC (the text is UTC)
//	int96                               a legacy INT96 timestamp, as Spark and Impala write them
//	time                                TIME in milliseconds (08:30:00)
//	bool                                BOOLEAN (true/false)
//	fixed(N)                            FIXED_LEN_BYTE_ARRAY of N bytes without annotation (hex)
//	list struct repeated bson           types a table cannot hold: every cell must be empty
//
// (decimal's arguments are split by ";", as a "," would split the header.)
// Every column is OPTIONAL unless its type ends in "!" (REQUIRED); an empty
// cell is null (in a REQUIRED column, the type's zero). Columns keep the
// header's order. The package is for tests only: nothing else imports it.
package parquettest
