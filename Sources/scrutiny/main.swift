print("scrutiny")
