//go:build tools

// Package tools keeps the Pulumi CLI's main package in this module's graph so
// that `go mod tidy` records every module it needs in go.sum.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
