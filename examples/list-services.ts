import { client } from "./create-client.ts";

const services = await client.listServices();
console.table(services.map(({ id, name }) => ({ id, name })));
