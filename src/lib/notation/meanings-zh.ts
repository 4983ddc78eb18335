/**
 * The Notation table's meanings in Simplified Chinese, by symbol (the `tex` of src/lib/notation/symbols.ts): the
 * words translated, the `$…$` math exactly the English entry's, ordered as the
 * Chinese sentence needs (tests/unit/notation/meanings-zh.test.ts holds both).
 * Terms as src/lib/i18n/glossary.json gives them.
 */
export const MEANINGS_ZH: Readonly<Record<string, string>> = {
  'x,\\ x_{i,j},\\ x_{i,j,c}':
    '输入图像或特征图；它在第$i$行、第$j$列（及通道$c$）处的值',
  'y_{i,j},\\ y_{i,j,c}':
    '卷积层或池化层在该位置的输出',
  'w,\\ w_{u,v}':
    '卷积核，以及它在窗口内偏移$(u, v)$处的权重',
  'b':
    '偏置（每个输出通道一个，全连接层则每个单元一个）',
  'k':
    '卷积核尺寸或池化窗口尺寸；不是正方形时记作$k_h \\times k_w$，第$l$层的记作$k_l$',
  's,\\ p,\\ d':
    '步幅、每一侧的零填充、膨胀率',
  'k_{\\text{eff}}':
    '膨胀卷积核覆盖的范围，$d(k - 1) + 1$',
  'P':
    '按TensorFlow的“same”规则，沿一个轴的填充总量',
  'H \\times W':
    '输入图的高 × 宽；输出的记作$H_{\\text{out}} \\times W_{\\text{out}}$',
  'C,\\ C_{\\text{in}},\\ C_{\\text{out}}':
    '通道数：一张图的通道数，一层的输入与输出通道数',
  'c':
    '通道索引',
  '\\tau':
    '对图像的平移（移动整数个像素）',
  'x \\star w,\\ x * w,\\ \\tilde w':
    '互相关、卷积，以及旋转180°后的卷积核',
  'l,\\ D':
    '层的索引，从输入端开始数；层数（深度）',
  'r_l,\\ j_l':
    '第$l$层的感受野大小与跳距',
  'v':
    '展平后的特征图，即全连接层的输入',
  'n_{\\text{in}},\\ n_{\\text{out}}':
    '一层的输入数与输出数（扇入、扇出）',
  'W,\\ W_l':
    '全连接层的权重矩阵，$n_{\\text{out}} \\times n_{\\text{in}}$（向量为列向量；tfjs存储的是$W^{\\top}$）',
  'z_l = W_l h_{l-1} + b_l,\\quad h_l = f(z_l)':
    '全连接层：预激活$z_l$、激活$h_l$、输入$h_0 = x$。反向传播：$\\partial L/\\partial h_{l-1} = W_l^{\\top}(\\partial L/\\partial h_l \\odot f\'(z_l))$，$\\partial L/\\partial W_l = (\\partial L/\\partial h_l \\odot f\'(z_l))\\, h_{l-1}^{\\top}$',
  '\\mathcal F,\\ \\mathcal F_l':
    '残差块（第$l$块）的残差分支，$h_l = h_{l-1} + \\mathcal F(h_{l-1})$',
  '\\gamma,\\ \\beta':
    'BatchNorm学到的缩放与平移参数，每个通道各一个',
  '\\mu_c,\\ \\sigma_c^2':
    'BatchNorm在通道$c$上的均值与方差：训练时取当前批量的统计量，测试时取滑动平均',
  '\\kappa':
    'BatchNorm中$\\sqrt{\\sigma_c^2 + \\kappa}$里的小常数（本书的网络中为0.001）',
  'B':
    '批量大小',
  'f,\\ f\'':
    '激活函数及其导数',
  'a':
    'Leaky ReLU与PReLU在$z < 0$时的斜率',
  '\\sigma':
    'logistic函数（sigmoid函数）$\\sigma(z)$；平方后的$\\sigma^2$表示方差',
  '\\Phi,\\ \\varphi':
    '标准正态分布的分布函数与密度函数（GELU）',
  '\\mathcal N(\\mu, \\sigma^2)':
    '均值为$\\mu$、方差为$\\sigma^2$的正态分布',
  '\\odot,\\ {}^{\\top}':
    '逐元素乘积、转置',
  'L':
    '单个样本的损失；$L_{\\text{CE}}$、$L_{\\text{BCE}}$等表示某种特定的损失',
  '\\delta_j,\\ \\delta_{ij}':
    '单元$j$的误差$\\partial L/\\partial z_j$；克罗内克δ（$i = j$时为1，否则为0）',
  'K':
    '类别数',
  'i,\\ j':
    '类别索引，$1, \\dots, K$，如$z_i$、$p_i$、$y_i$中所示（在特征图中表示行与列）',
  'z,\\ z_i':
    'logit，以及类别$i$的logit',
  'p,\\ p_i':
    '预测的类别概率，$p = \\operatorname{softmax}(z)$',
  'm':
    '最大的logit，$\\max_j z_j$，减去它使softmax的计算数值稳定',
  'y,\\ y_i,\\ p_y':
    '标签：一个类别，或分量为$y_i$的独热编码向量；$p_y$是真实类别的概率',
  '\\hat y':
    '预测的数值（回归）',
  'T':
    'softmax的温度，$\\operatorname{softmax}(z/T)$',
  'q':
    '平滑后的目标分布',
  '\\alpha':
    '标签平滑参数：$q = (1 - \\alpha)\\,y + \\alpha/K$',
  '\\varepsilon':
    '噪声，如$y = \\hat y + \\varepsilon$，其中$\\varepsilon \\sim \\mathcal N(0, \\sigma^2)$；$\\varepsilon$不表示其他任何含义',
  '\\theta,\\ f_\\theta':
    '网络的权重，以及把网络看作函数',
  'N':
    '训练样本数',
  'x^{(i)},\\ y^{(i)}':
    '第$i$个训练样本及其标签',
  'J(\\theta)':
    '训练集上的平均损失',
  '\\eta,\\ \\eta_l':
    '学习率；第$l$层自己的学习率',
  'n':
    '目标任务中每类有标签样本的数量',
  'F':
    '网络底部冻结（照搬）的层数',
  'g_\\theta,\\ h_\\phi,\\ \\theta_0':
    '权重为$\\theta$的基础网络，权重为$\\phi$的输出头，预训练的基础网络权重',
  'P_S(X),\\ P_T(X),\\ \\mathcal{D}_S,\\ \\mathcal{D}_T':
    '源域与目标域的输入分布（即两个域）',
  'R_S(h),\\ R_T(h)':
    '分类器$h$在源域和目标域上的误差（风险）',
  '\\mathcal{H},\\ \\lambda':
    '一族分类器；其中对两个域都最好的分类器的误差',
  '\\lambda_{\\text{SP}},\\ \\lambda_{\\text{head}}':
    'L2-SP的强度：把预训练权重拉向$\\theta_0$的力度，以及新输出头上的权重衰减（即论文中的$\\alpha$和$\\beta$）',
  '\\lVert \\theta - \\theta_0 \\rVert^2':
    '微调让预训练权重移动了多远（平方距离，对每个预训练数组求和）',
  'C_S,\\ C_T,\\ n_{\\text{f}}':
    '源域与目标域特征的协方差矩阵（CORAL），以及特征的维数',
};
