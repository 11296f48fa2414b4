module github.com/libyativo/libyativo/bench/go

go 1.24

require github.com/libyativo/libyativo/bindings/go v0.0.0

replace github.com/libyativo/libyativo/bindings/go => ../../bindings/go
