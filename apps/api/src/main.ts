import { hello } from '#workflow';
console.log(hello(1));
