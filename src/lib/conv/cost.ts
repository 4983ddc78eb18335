/** Multiply-adds and parameters of one convolution layer (bias counted as a parameter, not a MAC). */
export function convCost(outH: number, outW: number, kH: number, kW: number, cin: number, cout: number, bias = true) {
  const params = kH * kW * cin * cout + (bias ? cout : 0);
  const macs = outH * outW * kH * kW * cin * cout;
  return { params, macs };
}

/** The same map computed by a dense layer from every input pixel to every output value. */
export function denseCost(inH: number, inW: number, cin: number, outH: number, outW: number, cout: number, bias = true) {
  const inputs = inH * inW * cin;
  const outputs = outH * outW * cout;
  return { params: inputs * outputs + (bias ? outputs : 0), macs: inputs * outputs };
}
