"""The brand: its profile, its learned voice and the local store that keeps them."""
