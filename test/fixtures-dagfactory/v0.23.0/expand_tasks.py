def make_list():
    return [[1], [2], [3], [4]]


def consume_value(expanded_param, fixed_param):
    print(fixed_param)
    print(expanded_param)
    return [expanded_param]
