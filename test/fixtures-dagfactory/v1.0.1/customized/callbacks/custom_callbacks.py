def output_message(context, param1, param2):
    print("A callback has been raised!")
    print(f"{param1} ---------- {param2}")
