"""A small dilated 1-D conv net in numpy (forward, backward, Adam) and its ONNX export.

Layout: activations are (batch, time, channels). Every conv is 'valid' (no padding), so an output frame sees
RECEPTIVE_FIELD input frames; the label of output frame i is input frame i + RECEPTIVE_FIELD - 1 - LOOKAHEAD.
"""
import numpy as np

# (kernel, dilation, out channels) per layer; the last layer is the 1x1 classifier.
LAYERS = [(5, 1, 64), (3, 2, 64), (3, 4, 64), (3, 8, 64), (1, 1, 15)]
RECEPTIVE_FIELD = 1 + sum((k - 1) * d for k, d, _ in LAYERS)
LOOKAHEAD = 4  # frames (40 ms) after the labelled frame


def init(rng, in_channels):
    params = []
    c = in_channels
    for k, _, out in LAYERS:
        w = rng.standard_normal((k, c, out)) * np.sqrt(2.0 / (k * c))
        params.append([w.astype(np.float32), np.zeros(out, np.float32)])
        c = out
    return params


def conv_forward(x, w, b, d):
    k = w.shape[0]
    t_out = x.shape[1] - (k - 1) * d
    cols = np.concatenate([x[:, j * d:j * d + t_out, :] for j in range(k)], axis=2)
    y = cols @ w.reshape(-1, w.shape[2]) + b
    return y, cols


def conv_backward(dy, cols, x_shape, w, d):
    k, c, out = w.shape
    dw = (cols.reshape(-1, k * c).T @ dy.reshape(-1, out)).reshape(w.shape)
    db = dy.sum(axis=(0, 1))
    dx = np.zeros(x_shape, np.float32)
    t_out = dy.shape[1]
    for j in range(k):
        dx[:, j * d:j * d + t_out, :] += dy @ w[j].T
    return dx, dw, db


def forward(params, x, keep=False):
    cache = []
    h = x
    for i, ((w, b), (_, d, _)) in enumerate(zip(params, LAYERS)):
        y, cols = conv_forward(h, w, b, d)
        last = i == len(params) - 1
        if keep:
            cache.append((cols, h.shape, y))
        h = y if last else np.maximum(y, 0.0)
    return h, cache


def backward(params, cache, dlogits):
    grads = [None] * len(params)
    dy = dlogits
    for i in reversed(range(len(params))):
        w, _ = params[i]
        cols, x_shape, y = cache[i]
        if i < len(params) - 1:
            dy = dy * (y > 0)
        dx, dw, db = conv_backward(dy, cols, x_shape, w, LAYERS[i][1])
        grads[i] = [dw, db]
        dy = dx
    return grads


def softmax_xent(logits, labels):
    z = logits - logits.max(axis=2, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=2, keepdims=True)
    flat = p.reshape(-1, p.shape[2])
    lab = labels.reshape(-1)
    loss = -np.log(flat[np.arange(len(lab)), lab] + 1e-9).mean()
    d = flat.copy()
    d[np.arange(len(lab)), lab] -= 1.0
    return loss, (d / len(lab)).reshape(p.shape).astype(np.float32)


class Adam:
    def __init__(self, params, lr=2e-3, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, b1, b2, eps, 0
        self.m = [[np.zeros_like(p) for p in layer] for layer in params]
        self.v = [[np.zeros_like(p) for p in layer] for layer in params]

    def step(self, params, grads, lr):
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for layer, glayer, mlayer, vlayer in zip(params, grads, self.m, self.v):
            for p, g, m, v in zip(layer, glayer, mlayer, vlayer):
                m *= self.b1
                m += (1 - self.b1) * g
                v *= self.b2
                v += (1 - self.b2) * g * g
                p -= (lr * (m / c1) / (np.sqrt(v / c2) + self.eps)).astype(np.float32)


def export_onnx(params, mean, std, path, metadata):
    """features [1, T, 40] -> logits [1, T - RECEPTIVE_FIELD + 1, 15]; input normalisation inside the graph."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    inits = [
        numpy_helper.from_array(mean.reshape(1, 1, -1).astype(np.float32), 'mean'),
        numpy_helper.from_array((1.0 / std).reshape(1, 1, -1).astype(np.float32), 'inv_std'),
    ]
    nodes = [
        helper.make_node('Sub', ['features', 'mean'], ['centred']),
        helper.make_node('Mul', ['centred', 'inv_std'], ['normed']),
        helper.make_node('Transpose', ['normed'], ['h0'], perm=[0, 2, 1]),
    ]
    for i, ((w, b), (k, d, _)) in enumerate(zip(params, LAYERS)):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(w.transpose(2, 1, 0)), f'w{i}'))
        inits.append(numpy_helper.from_array(b, f'b{i}'))
        out = f'c{i}'
        nodes.append(helper.make_node('Conv', [f'h{i}', f'w{i}', f'b{i}'], [out], kernel_shape=[k], dilations=[d]))
        if i < len(params) - 1:
            nodes.append(helper.make_node('Relu', [out], [f'h{i + 1}']))
        else:
            nodes.append(helper.make_node('Transpose', [out], ['logits'], perm=[0, 2, 1]))
    graph = helper.make_graph(
        nodes,
        'viseme',
        [helper.make_tensor_value_info('features', TensorProto.FLOAT, [1, 'T', int(mean.size)])],
        [helper.make_tensor_value_info('logits', TensorProto.FLOAT, [1, 'frames', LAYERS[-1][2]])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='digital-human')
    model.ir_version = 8
    for key, value in metadata.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.checker.check_model(model)
    onnx.save(model, path)
