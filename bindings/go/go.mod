module github.com/libyativo/libyativo/bindings/go

go 1.24
