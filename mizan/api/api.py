from ninja import NinjaAPI

api = NinjaAPI(title="Mizan API", version="1")
