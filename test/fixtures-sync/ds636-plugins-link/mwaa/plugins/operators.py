# a custom operator
